//! The wasm build's test suite, run in headless Chromium by
//! wasm-bindgen-test-runner (through chromedriver).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

include!("wasm/suite.rs");
