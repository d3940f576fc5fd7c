//! Fault injection for the panic-containment test (`tests/e2e/fault.spec.mjs`).
//!
//! Compiled only with the `fault-injection` feature, which no release build
//! turns on (`scripts/fault-site.sh` builds the test's engine with it; a unit
//! test checks that the shipped glue has no `injectFault`).
//!
//! After `injectFault()`, the next `recommend` call panics, which on wasm32
//! is a trap (`WebAssembly.RuntimeError` in JS) that unwinds nothing: guards
//! are not dropped, locks stay taken. [`Busy`] is such a lock, taken for the
//! length of every call, so an instance that trapped stays poisoned exactly
//! as it would if the allocator's lock had been held: every later call on it
//! traps too. Only a fresh instance (what `www/engine.js` makes) works again.

use core::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::prelude::*;

static ARMED: AtomicBool = AtomicBool::new(false);
static BUSY: AtomicBool = AtomicBool::new(false);

/// Makes the next `recommend` call trap (test builds only).
#[wasm_bindgen(js_name = injectFault)]
pub fn inject_fault() {
    ARMED.store(true, Ordering::SeqCst);
}

/// Held for the length of one engine call; released when dropped, which a
/// trap never does.
pub struct Busy;

impl Busy {
    /// Takes the lock, or traps if a trapped call still holds it; then traps
    /// if `injectFault()` was called since the last call.
    pub fn enter() -> Busy {
        if BUSY.swap(true, Ordering::SeqCst) {
            panic!("poisoned: an earlier call trapped while holding the engine lock");
        }
        if ARMED.swap(false, Ordering::SeqCst) {
            panic!("fault injected by injectFault()");
        }
        Busy
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        BUSY.store(false, Ordering::SeqCst);
    }
}
