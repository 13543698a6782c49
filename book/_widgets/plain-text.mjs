// Stands in for sanitize-html in the widget bundle (esbuild's alias in the Makefile), saving a
// quarter of its weight: ipywidgets uses it only for descriptions a widget marks as HTML
// (description_allow_html), which the handbook never does, so anything reaching it is shown as
// plain text, never as markup.
export default function sanitize(text) {
  const holder = document.createElement("span");
  holder.textContent = String(text);
  return holder.innerHTML;
}
