// Loaded between RequireJS and the ipywidgets HTML manager on pages with widgets.
// RequireJS resolves modules, and the manager its icon fonts, against baseUrl; point it at the
// handbook's own _static/ folder so every page, at any depth, finds the local copies.
require.config({
  baseUrl: new URL("_static/", new URL(document.documentElement.dataset.content_root || "./", document.baseURI)).href,
});
