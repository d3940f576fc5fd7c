// Types of `stack-advisor/element`: the <stack-advisor> class. Importing it
// registers nothing; call `StackAdvisorElement.define()` or import
// `stack-advisor/define`. See custom-elements.json for the attributes.
import type { Answers, Matrix, MatrixIssue, Recommendation } from './stack_advisor.js';

/** `detail` of the `stack-advisor-error` event. */
export interface StackAdvisorErrorDetail {
  /** `engine`: WebAssembly could not start; `matrix`: invalid matrix or `src`; `answers`: answers refused. */
  kind: 'engine' | 'matrix' | 'answers';
  message: string;
  path?: string;
  hint?: string;
  /** Every problem found, each with its JSON path and a fix. */
  issues?: MatrixIssue[];
  error: unknown;
}

export interface StackAdvisorEventMap extends HTMLElementEventMap {
  /** After every new result; `detail` is the result. Bubbles, composed. */
  'stack-advisor-change': CustomEvent<Recommendation>;
  /** The engine, the matrix or the answers failed. Bubbles, composed. */
  'stack-advisor-error': CustomEvent<StackAdvisorErrorDetail>;
}

export declare class StackAdvisorElement extends HTMLElement {
  /** Interface strings by language code (`en`, `de` built in); add one with `StackAdvisorElement.locales.fr = {...}`. */
  static locales: Record<string, Record<string, unknown>>;
  static readonly observedAttributes: string[];
  /**
   * Registers the class under `tag` (default `stack-advisor`) in `registry`
   * (default `customElements`). Does nothing if the tag is taken.
   */
  static define<T extends typeof StackAdvisorElement>(this: T, tag?: string, registry?: CustomElementRegistry): T;

  /** The current answers (a copy). Setting it (object or JSON) writes the `answers` attribute. */
  get answers(): Answers;
  set answers(value: Answers | string | null | undefined);
  /** `auto` (follows `prefers-color-scheme`), `light` or `dark`. */
  get theme(): 'auto' | 'light' | 'dark';
  set theme(value: 'auto' | 'light' | 'dark');
  compact: boolean;
  noShare: boolean;
  noSources: boolean;
  /** Same-origin URL of a matrix JSON file (the only request the widget makes). */
  get src(): string;
  set src(value: string | null | undefined);
  /** `wsm` (default) or `wsm topsis`. */
  get methods(): string;
  set methods(value: string | string[]);
  calibrate: boolean;
  /** A custom decision matrix; `null` goes back to the child script, `src`, or the built-in matrix. */
  get matrix(): Matrix | null;
  set matrix(value: Matrix | string | null | undefined);
  /** The latest recommendation (a copy), or `null` before the first one. */
  readonly result: Recommendation | null;
  /** The recommendation as Markdown (what "Copy as Markdown" copies). */
  toMarkdown(): string;

  addEventListener<K extends keyof StackAdvisorEventMap>(
    type: K,
    listener: (this: StackAdvisorElement, event: StackAdvisorEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof StackAdvisorEventMap>(
    type: K,
    listener: (this: StackAdvisorElement, event: StackAdvisorEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'stack-advisor': StackAdvisorElement;
  }
}
