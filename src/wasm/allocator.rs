//! The allocator of the wasm build: the system allocator, remembering whether an allocation has failed.
//!
//! When the host refuses memory (the linear memory cannot grow), Rust aborts, and the module traps where it
//! stands. That leaves the instance unusable, which the package handles by starting a new one
//! (`pkg-template/instance.js`); what the trap cannot say is why. [`allocation_failed`] tells the package, which
//! then throws a `CentileError` (a 422, `too_large`) instead of the trap's `RuntimeError`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether an allocation of this instance has failed.
static FAILED: AtomicBool = AtomicBool::new(false);

struct Watched;

/// `p`, noting a failed allocation (a null pointer).
fn noted(p: *mut u8) -> *mut u8 {
    if p.is_null() {
        FAILED.store(true, Ordering::Relaxed);
    }
    p
}

// SAFETY: every method forwards to `System` with the caller's arguments unchanged, so `System`'s guarantees are
// this allocator's; the only addition is a store to an atomic flag.
unsafe impl GlobalAlloc for Watched {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `GlobalAlloc::alloc`, whose contract the caller upholds.
        noted(unsafe { System.alloc(layout) })
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `GlobalAlloc::alloc_zeroed`, whose contract the caller upholds.
        noted(unsafe { System.alloc_zeroed(layout) })
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `GlobalAlloc::realloc`, whose contract the caller upholds (`ptr` came from this allocator,
        // that is from `System`).
        noted(unsafe { System.realloc(ptr, layout, new_size) })
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as `GlobalAlloc::dealloc`, whose contract the caller upholds.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Watched = Watched;

/// Whether an allocation of this instance has failed: asked by the package after a call broke the instance.
pub fn allocation_failed() -> bool {
    FAILED.load(Ordering::Relaxed)
}
