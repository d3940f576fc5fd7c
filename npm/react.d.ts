// Types of `stack-advisor/react` (types only, nothing to import at run time):
// <stack-advisor> in React 19's JSX. Opt in with one line in a .d.ts file of
// the app (or "types": ["stack-advisor/react"] in tsconfig.json):
//
//   /// <reference types="stack-advisor/react" />
//
// Only apps that opt in need @types/react; the package's other entries never
// mention React.
//
// What React 19 does with these props (react-dom 19.3, measured in
// tests/consumers/frameworks/): in a client render, a prop the element has as a
// property (answers, theme, compact, src, methods, calibrate, matrix) is set as
// that property, so `answers` may be an object; `onstack-advisor-change` adds a
// listener for the `stack-advisor-change` event. The server renders only
// strings, numbers and `true` as attributes and drops objects and functions, and
// hydration sets neither properties nor listeners: for a server-rendered page
// pass `answers` as a JSON string and listen through a ref (README, "React").
// The element must be defined (`import 'stack-advisor/define'`) before React
// first renders it, or React sets an object as the attribute "[object Object]".
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { StackAdvisorElement, StackAdvisorErrorDetail } from './element.js';
import type { Answers, Matrix, Recommendation } from './stack_advisor.js';

/** The props of `<stack-advisor>` in React JSX (attributes use their HTML names). */
export interface StackAdvisorProps extends DetailedHTMLProps<HTMLAttributes<StackAdvisorElement>, StackAdvisorElement> {
  /** The reader's starting answers: an object (client render) or its JSON (works in server rendering too). */
  answers?: Answers | string;
  /** `auto` (follows `prefers-color-scheme`), `light` or `dark`. */
  theme?: 'auto' | 'light' | 'dark';
  compact?: boolean;
  /** Hides the share buttons. The HTML name: it works in server and client renders alike. */
  'no-share'?: boolean;
  /** Hides the sources list. */
  'no-sources'?: boolean;
  /** Same-origin URL of a matrix JSON file. */
  src?: string;
  /** `wsm` (default) or `wsm topsis`. */
  methods?: string;
  calibrate?: boolean;
  /** A custom matrix (a property: client render only; use `src` in server-rendered pages). */
  matrix?: Matrix | string;
  /** `lazy` (default with the one-tag loader) or `eager`. */
  loading?: 'lazy' | 'eager';
  /** After every new result; `detail` is the result. Client render only (see above). */
  'onstack-advisor-change'?: (event: CustomEvent<Recommendation>) => void;
  /** The engine, the matrix or the answers failed. Client render only. */
  'onstack-advisor-error'?: (event: CustomEvent<StackAdvisorErrorDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'stack-advisor': StackAdvisorProps;
    }
  }
}
