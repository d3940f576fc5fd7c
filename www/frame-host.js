// The host script of the iframe mode (dist/stack-advisor-frame.js), for the
// page that embeds embed.html in an <iframe data-stack-advisor>:
//
//   <iframe data-stack-advisor src="…/embed.html" title="…" width="500" height="750"></iframe>
//   <script src="…/stack-advisor-frame.js" async></script>
//
// It sets each such frame's height to what the frame reports, so the widget
// needs no inner scrollbar, and re-dispatches the frame's verdict event (sent
// only with `events=1` in its URL) as a `stack-advisor-change` CustomEvent on
// the <iframe>. A message counts only when it comes from one of those frames'
// windows (`event.source`) and has the expected shape; anything else is
// ignored. Without this script the frame keeps its own height and scrolls.
//
// A classic script or a module alike; loading it twice adds one listener.

{
  const KEY = Symbol.for('stack-advisor-frame');
  /** Heights outside this range are not taken (a frame cannot make the page huge). */
  const MAX_HEIGHT = 20000;

  const frameOf = (source) => {
    if (!source) return null;
    for (const frame of document.querySelectorAll('iframe[data-stack-advisor]')) {
      if (frame.contentWindow === source) return frame;
    }
    return null;
  };

  const receive = (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object') return;
    const height = data.type === 'stack-advisor:height' && data.height;
    const change = data.type === 'stack-advisor:change';
    if (!change && !(Number.isFinite(height) && height >= 0 && height <= MAX_HEIGHT)) return;
    const frame = frameOf(event.source);
    if (!frame) return;
    if (change) {
      const detail = data.detail && typeof data.detail === 'object' ? data.detail : null;
      frame.dispatchEvent(new CustomEvent('stack-advisor-change', { detail, bubbles: true }));
      return;
    }
    frame.style.height = `${Math.ceil(height)}px`;
    // The link shown before the frame (oEmbed's <blockquote>) is not needed once the frame speaks.
    const before = frame.previousElementSibling;
    if (before?.localName === 'blockquote' && before.querySelector('a')) before.hidden = true;
  };

  if (!globalThis[KEY] && globalThis.document) {
    globalThis[KEY] = true;
    globalThis.addEventListener('message', receive);
  }
}
