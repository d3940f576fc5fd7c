// Controls of playground.html: they only set attributes and properties of
// the left <stack-advisor>, the way an author's script would.
const left = document.getElementById('left');
const log = document.getElementById('log');

const byId = (id) => document.getElementById(id);
byId('theme').value = left.getAttribute('theme') || 'auto';
byId('theme').addEventListener('change', (e) => { left.theme = e.target.value; });
byId('lang').addEventListener('change', (e) => left.setAttribute('lang', e.target.value));
for (const name of ['compact', 'no-share', 'no-sources']) {
  byId(name).checked = left.hasAttribute(name);
  byId(name).addEventListener('change', (e) => left.toggleAttribute(name, e.target.checked));
}
byId('apply-answers').addEventListener('click', () => left.setAttribute('answers', byId('answers').value));

function record(event) {
  const who = event.target.id || '(no id)';
  const what = event.type === 'stack-advisor-change'
    ? `${event.detail.verdict} (${event.detail.confidence}), margin ${event.detail.margin.toFixed(1)}`
    : `${event.detail.kind}: ${event.detail.message}`;
  const line = document.createElement('div');
  line.textContent = `${new Date().toLocaleTimeString()}  ${who}  ${event.type}  ${what}`;
  log.prepend(line);
  while (log.childElementCount > 40) log.lastElementChild.remove();
}
document.addEventListener('stack-advisor-change', record);
document.addEventListener('stack-advisor-error', record);
