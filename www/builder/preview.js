// The live preview: the real <stack-advisor> beside the form. It gets each
// valid matrix (a copy) a moment after the author stops typing and keeps the
// last valid one while the matrix has problems, saying so. The author's
// answers in the preview stay across updates (the element drops those that
// no longer fit) and are the exported snippets' starting answers.

/** How long the preview waits after the last edit before it redraws. */
const DELAY_MS = 300;

export class Preview {
  #element;
  #status;
  #timer = 0;
  #shown = null; // JSON of the matrix the preview shows

  constructor(element, status) {
    this.#element = element;
    this.#status = status;
  }

  /** The answers the author gave in the preview. */
  get answers() {
    try {
      return this.#element.answers || {};
    } catch {
      return {};
    }
  }

  /** Shows `doc` when it is valid (`problems` = 0); otherwise keeps the last valid matrix. */
  update(doc, problems) {
    clearTimeout(this.#timer);
    if (problems) {
      this.#status.textContent = this.#shown
        ? `The preview shows the last valid matrix: fix the ${problems === 1 ? 'problem' : `${problems} problems`} listed above to update it.`
        : `The preview appears once the ${problems === 1 ? 'problem' : `${problems} problems`} listed above are fixed.`;
      return;
    }
    const text = JSON.stringify(doc);
    this.#status.textContent = 'The preview shows the matrix as it is now.';
    if (text === this.#shown) return;
    this.#timer = setTimeout(() => {
      this.#shown = text;
      const answers = this.answers;
      if (Object.keys(answers).length) this.#element.setAttribute('answers', JSON.stringify(answers));
      this.#element.matrix = JSON.parse(text);
    }, this.#shown ? DELAY_MS : 0);
  }
}
