// Every request handler, one module each (the standard features share one: they only forward to a worker).
export { checklistsHandler } from './checklists';
export { guard, type RequestContext } from './common';
export { documentReportHandler } from './document-report';
export { codeActionHandler, completionHandler, documentSymbolHandler, hoverHandler } from './editor-features';
export { elementEditHandler } from './element-edit';
export { lintFilesHandler } from './lint-files';
export { previewHandler } from './preview';
export { serverStatusHandler } from './server-status';
export { setTypeEditHandler } from './set-type-edit';
