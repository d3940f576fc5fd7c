// The document being edited, with undo and redo. Snapshots are JSON text (a
// matrix is at most 256 KB); consecutive edits of one field are one step.

/** Most undo steps kept. */
export const MAX_STEPS = 200;

export class History {
  #doc;
  #past = [];
  #future = [];
  #group = null;
  #saved;

  /** @param {object} doc the starting document (counts as saved) */
  constructor(doc) {
    this.#doc = doc;
    this.#saved = JSON.stringify(doc);
  }

  /** The current document (edit it only through `change`). */
  get doc() {
    return this.#doc;
  }

  get canUndo() {
    return this.#past.length > 0;
  }

  get canRedo() {
    return this.#future.length > 0;
  }

  /** True when the document differs from the one last started, imported or saved. */
  get dirty() {
    return JSON.stringify(this.#doc) !== this.#saved;
  }

  /**
   * Applies `mutate(doc)` as an undoable step. Edits with the same `group`
   * (e.g. one field's keystrokes) in a row make one step; null never merges.
   */
  change(group, mutate) {
    if (group === null || group !== this.#group) {
      this.#past.push(JSON.stringify(this.#doc));
      if (this.#past.length > MAX_STEPS) this.#past.shift();
    }
    this.#future = [];
    this.#group = group;
    mutate(this.#doc);
  }

  /** Replaces the whole document (start, import) as one undoable step. */
  replace(doc, { saved = false } = {}) {
    this.change(null, () => {});
    this.#doc = doc;
    this.#group = null;
    if (saved) this.markSaved();
  }

  /** Ends the current group: the next edit is a step of its own. */
  seal() {
    this.#group = null;
  }

  undo() {
    if (!this.#past.length) return false;
    this.#future.push(JSON.stringify(this.#doc));
    this.#doc = JSON.parse(this.#past.pop());
    this.#group = null;
    return true;
  }

  redo() {
    if (!this.#future.length) return false;
    this.#past.push(JSON.stringify(this.#doc));
    this.#doc = JSON.parse(this.#future.pop());
    this.#group = null;
    return true;
  }

  /** The current document is what was last saved (exported or freshly opened). */
  markSaved() {
    this.#saved = JSON.stringify(this.#doc);
  }
}
