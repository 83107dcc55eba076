-- Neovim's built-in LSP client (0.7+) against pmm-lint-server over stdio, headless.
-- Writes what it sees, one line per fact, to $PMM_NVIM_OUT; the test reads that file.
local out = assert(os.getenv('PMM_NVIM_OUT'), 'PMM_NVIM_OUT not set')
local function log(s)
  local f = assert(io.open(out, 'a'))
  f:write(s .. '\n')
  f:close()
end

local client_id = vim.lsp.start_client({
  name = 'pmm-lint',
  cmd = { 'node', assert(os.getenv('PMM_SERVER_BIN')), '--stdio' },
  root_dir = vim.fn.getcwd(),
  on_exit = function(code) log('exit ' .. tostring(code)) end,
})
log('client ' .. tostring(client_id))

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args) vim.lsp.buf_attach_client(args.buf, client_id) end,
})

local function dump(buf, tag)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    log(string.format('%s %s %d:%d %d %s', tag, tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), d.lnum + 1, d.col + 1, d.severity, tostring(d.source)))
  end
end

function _G.pmm_check()
  local buf = vim.api.nvim_get_current_buf()
  local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  log('first ' .. tostring(ok) .. ' ' .. #vim.diagnostic.get(buf))
  dump(buf, 'diag')
  -- Remove the unproven claim and wait for the server to re-publish without it.
  local before = #vim.diagnostic.get(buf)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:find('industry%-leading') then vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { 'It alerts teams.' }) end
  end
  local ok2 = vim.wait(20000, function() return #vim.diagnostic.get(buf) == before - 1 end, 50)
  log('after ' .. tostring(ok2) .. ' ' .. #vim.diagnostic.get(buf))
  dump(buf, 'diag2')
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  vim.cmd('qa!')
end
