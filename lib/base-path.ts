/** Where the editor is served (next.config.ts basePath); cookies the browser sets are scoped to it. */
export const BASE_PATH = "/metadata-editor";
