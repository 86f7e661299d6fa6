//! The allocator of the wasm build: blocks in power-of-two size classes, each class with its own free list, carved
//! from the top of the linear memory as it grows; and whether an allocation has failed.
//!
//! It replaces std's dlmalloc, which is about 5 KB of the `.wasm`'s gzip, for about 0.3 KB. A block is never split,
//! merged or returned to the host; a freed block waits on its class's list for the next request of that class.
//! That costs memory (a block is up to twice its request, and a class keeps the blocks of its busiest moment: a
//! 10,000-entry FHIR bundle peaks at 73 MiB instead of 46), not time: allocating and freeing are a few loads and
//! stores, and a `realloc` within its class moves nothing (`sdsForMeasurements` on a million values runs faster).
//!
//! When the host refuses memory (the linear memory cannot grow), Rust aborts, and the module traps where it
//! stands. That leaves the instance unusable, which the package handles by starting a new one
//! (`pkg-template/instance.js`); what the trap cannot say is why. [`allocation_failed`] tells the package, which
//! then throws a `CentileError` (a 422, `too_large`) instead of the trap's `RuntimeError`.
//!
//! The module is single-threaded, so the atomics below are plain loads and stores; they make the statics `Sync`.

use core::arch::wasm32::{memory_grow, memory_size};
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

/// Whether an allocation of this instance has failed.
static FAILED: AtomicBool = AtomicBool::new(false);

/// A WebAssembly page, the unit the linear memory grows by.
const PAGE: usize = 65_536;

/// The first free block of each class (0: none); a free block holds the address of the next in its first word.
static FREE: [AtomicUsize; 32] = [const { AtomicUsize::new(0) }; 32];
/// Where the next new block may start, and the end of the memory this allocator last saw.
static NEXT: AtomicUsize = AtomicUsize::new(0);
static END: AtomicUsize = AtomicUsize::new(0);

/// The class of `layout`: blocks of class `k` are `2^k` bytes, aligned to `2^k` up to a page; at least a word, so
/// a free block can hold the next one's address.
fn class(layout: Layout) -> usize {
    let size = layout.size().max(layout.align()).max(size_of::<usize>());
    (usize::BITS - (size - 1).leading_zeros()) as usize
}

/// A new block of class `k` from the top of the memory, growing it as needed; null when the host refuses.
fn carve(k: usize) -> *mut u8 {
    let size = 1usize << k;
    let Some(mut end) = memory_size(0).checked_mul(PAGE) else {
        return std::ptr::null_mut();
    };
    // Memory grown by anyone else (the package's tests do) is not this allocator's: start above it.
    let next = if END.load(Relaxed) == end {
        NEXT.load(Relaxed)
    } else {
        end
    };
    let Some((start, stop)) = next
        .checked_next_multiple_of(size.min(PAGE))
        .and_then(|start| Some((start, start.checked_add(size)?)))
    else {
        return std::ptr::null_mut();
    };
    if stop > end {
        let pages = (stop - end).div_ceil(PAGE);
        if memory_grow(0, pages) == usize::MAX {
            return std::ptr::null_mut();
        }
        end = stop.checked_next_multiple_of(PAGE).unwrap_or(0);
    }
    NEXT.store(stop, Relaxed);
    END.store(end, Relaxed);
    start as *mut u8
}

struct Classes;

// SAFETY: every block handed out is `2^class` bytes, at least the layout's size, aligned to the layout's alignment
// (a power of two no larger than the block, and no larger than a page unless the block is refused), and owned by
// the caller alone until it comes back through `dealloc` with the same layout, hence the same class. Blocks come
// from memory past everything this allocator has handed out before, grown for it; a freed block is only reused
// after it left its class's list.
unsafe impl GlobalAlloc for Classes {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let k = class(layout);
        if layout.align() > PAGE || k >= FREE.len() {
            FAILED.store(true, Relaxed);
            return std::ptr::null_mut();
        }
        let head = FREE[k].load(Relaxed);
        let p = if head == 0 {
            carve(k)
        } else {
            // SAFETY: `head` is a free block of class `k`; its first word holds the next free block's address.
            FREE[k].store(unsafe { *(head as *const usize) }, Relaxed);
            head as *mut u8
        };
        if p.is_null() {
            FAILED.store(true, Relaxed);
        }
        p
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let k = class(layout);
        // SAFETY: `ptr` is a block of class `k` (at least a word, word-aligned) that its owner gives back.
        unsafe { *(ptr as *mut usize) = FREE[k].load(Relaxed) };
        FREE[k].store(ptr as usize, Relaxed);
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size`, rounded up to the alignment, fits in an `isize`.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new) == class(layout) {
            return ptr;
        }
        // SAFETY: `new` is a valid layout (above); `ptr` is the caller's block of `layout`, which is freed once its
        // first `min(old, new)` bytes are copied into the new block.
        unsafe {
            let p = self.alloc(new);
            if !p.is_null() {
                std::ptr::copy_nonoverlapping(ptr, p, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            p
        }
    }
}

#[global_allocator]
static ALLOCATOR: Classes = Classes;

/// Whether an allocation of this instance has failed: asked by the package after a call broke the instance.
pub fn allocation_failed() -> bool {
    FAILED.load(Relaxed)
}
