// The loader's <script> tag for the embed snippet, as in dist/snippet.html
// (the published version, with its Subresource Integrity hash). The build
// (scripts/builder.mjs) replaces this module with the real tag; this one is
// only what an unbuilt checkout would show.
export const LOADER_TAG = '<script type="module" src="https://cdn.jsdelivr.net/npm/stack-advisor/dist/stack-advisor.js" crossorigin="anonymous"></script>';
