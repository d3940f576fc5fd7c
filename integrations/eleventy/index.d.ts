// Types of `stack-advisor/eleventy` (integrations/eleventy/index.js).

/** Options of the Eleventy plugin. */
export interface StackAdvisorEleventyOptions {
  /** The output folder for the advisor's files, relative to the site (default "stack-advisor"). */
  dir?: string;
  /** Where the built files are (default: the installed package's dist/). */
  dist?: string;
}

/** Adds the `stackAdvisor` shortcode and copies the advisor's files into the output. */
export default function stackAdvisorPlugin(eleventyConfig: unknown, options?: StackAdvisorEleventyOptions): void;

/** The fallback of a widget whose verdict the build cannot know. */
export const NEEDS_JAVASCRIPT: string;

/** A shortcode parameter the plugin refuses. */
export class StackAdvisorParameterError extends Error {}

/** `value` as the text of a double-quoted HTML attribute. */
export function escapeAttribute(value: unknown): string;

/** Why `src` cannot be used (not http(s) or relative, or with spaces/control characters), or null. */
export function srcProblem(src: string): string | null;

/** The shortcode's parameters checked and written as attributes; throws StackAdvisorParameterError. */
export function stackAdvisorAttributes(params?: unknown): { attributes: string; isDefault: boolean };
