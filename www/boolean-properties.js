// Properties that reflect boolean attributes (`compact` ↔ compact,
// `noShare` ↔ no-share, …), as a custom element's own getters and setters
// would: the property is true when the attribute is present, and setting it
// adds or removes the attribute.

/**
 * Defines on `prototype` one such property per attribute name in `names`,
 * named in camelCase.
 *
 * @param {object} prototype e.g. a custom element class's prototype
 * @param {string[]} names attribute names, e.g. ['compact', 'no-share']
 */
export function defineBooleanProperties(prototype, names) {
  for (const name of names) {
    Object.defineProperty(prototype, name.replace(/-(\w)/g, (_, c) => c.toUpperCase()), {
      get() {
        return this.hasAttribute(name);
      },
      set(value) {
        this.toggleAttribute(name, Boolean(value));
      },
      configurable: true,
    });
  }
}
