// In-page measurements for benches/browser/run.mjs, imported by the driver
// after the widget on bench.html has shown its first result.
//
// interactions(n): n real input changes on the widget's own controls in its
// shadow root, cycling through radio chips (pressed as a pointer would: a
// `pointerdown` and focus, then a click a frame later), checkboxes (likewise
// a `pointerdown`, then a click, which fires `change`) and priority sliders
// (a new value and an `input` event), in turn. For each change three times
// are taken from the moment the event is dispatched:
//   dom    - the element's `stack-advisor-change` event. The element handles
//            the input synchronously: recommend() in wasm, rebuild of the
//            result in the shadow DOM, then the event, so at this moment the
//            DOM shows the new result;
//   layout - right after that, style and layout are forced (reading the
//            result's offsetHeight): the result is ready to paint;
//   frame  - the next frame has been produced (requestAnimationFrame, then a
//            message posted from it, which runs after that frame's paint).
//            It includes the wait for the frame, so it is reported, not
//            judged.
// Between changes the page is left idle for one frame, as between clicks.
//
// recommendCalls(profiles, calls, batch): recommend() of the bundle's engine
// API on the built-in matrix, timed in batches of `batch` calls (so the timer
// resolution does not matter), per call = batch time / batch.

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const afterPaint = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );

function controlsOf(element) {
  const root = element.shadowRoot;
  if (!root) throw new Error('the element has no open shadow root');
  const groups = [...root.querySelectorAll('[role="radiogroup"]')].map((g) => [...g.querySelectorAll('[role="radio"]')]);
  const boxes = [...root.querySelectorAll('input[type="checkbox"]')];
  const sliders = [...root.querySelectorAll('input[type="range"]')];
  const result = root.querySelector('[part="result"]');
  if (!groups.length || !boxes.length || !sliders.length || !result) {
    throw new Error(`controls not found (radio groups ${groups.length}, checkboxes ${boxes.length}, sliders ${sliders.length})`);
  }
  return { groups, boxes, sliders, result };
}

/** What a primary-button pointer press dispatches first: a `pointerdown` that bubbles out of the shadow root. */
const pointerDown = (target) =>
  target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, cancelable: true, button: 0, isPrimary: true, pointerType: 'mouse' }));

/** One input change per call, rotating over the kinds of control and the controls of each kind. */
function makeChanges({ groups, boxes, sliders }) {
  let i = 0;
  const kinds = [
    () => {
      const radios = groups[i % groups.length];
      const current = radios.findIndex((r) => r.getAttribute('aria-checked') === 'true');
      const target = radios[(current + 1) % radios.length];
      // A pointer presses the chip (pointerdown, then focus at mousedown) a
      // frame or more before the click that answers: the press is not the
      // answer's time.
      return {
        kind: 'radio',
        press: () => {
          pointerDown(target);
          target.focus();
        },
        fire: () => target.click(),
      };
    },
    () => {
      const box = boxes[i % boxes.length];
      // Likewise a press on the checkbox, then its click.
      return { kind: 'checkbox', press: () => pointerDown(box), fire: () => box.click() };
    },
    () => {
      const slider = sliders[i % sliders.length];
      return {
        kind: 'slider',
        fire: () => {
          slider.value = String((Number(slider.value) + 1) % 6);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
        },
      };
    },
  ];
  return () => {
    const change = kinds[i % kinds.length]();
    i += 1;
    return change;
  };
}

export async function interactions(n = 200, warmup = 10) {
  const element = document.querySelector('stack-advisor');
  const controls = controlsOf(element);
  const next = makeChanges(controls);
  let changed = null;
  element.addEventListener('stack-advisor-change', () => {
    changed = performance.now();
  });
  const samples = [];
  for (let k = 0; k < warmup + n; k++) {
    const change = next();
    change.press?.();
    await nextFrame();
    changed = null;
    const start = performance.now();
    change.fire();
    if (changed === null) throw new Error(`a ${change.kind} change produced no stack-advisor-change event`);
    const dom = changed;
    void controls.result.offsetHeight; // forces style and layout
    const layout = performance.now();
    const frame = await afterPaint();
    if (k >= warmup) samples.push({ kind: change.kind, dom: dom - start, layout: layout - start, frame: frame - start });
  }
  return samples;
}

export async function recommendCalls(profiles, calls = 1000, batch = 10, warmupCalls = 100) {
  const api = await import('./stack-advisor.js');
  await api.loadEngine(); // recommend needs the engine alone (init() would also fetch the MCDA extension)
  const out = {};
  for (const [name, answers] of Object.entries(profiles)) {
    for (let i = 0; i < warmupCalls; i++) api.recommend(answers);
    const perCall = [];
    let sink = 0;
    for (let done = 0; done < calls; done += batch) {
      const start = performance.now();
      for (let j = 0; j < batch; j++) sink += api.recommend(answers).verdict.length;
      perCall.push(((performance.now() - start) / batch) * 1000);
      // Let the page breathe between batches (timers, GC), as between clicks.
      if (done % 200 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    out[name] = { calls, batch, per_call_us: perCall, sink };
  }
  return out;
}
