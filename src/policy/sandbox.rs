//! The sandbox policies run in: a worker thread with a large, bounded stack whose allocations are
//! counted against a cap and whose stack depth is watched by the global allocator, and a caller that
//! waits for it only until the run's budget is spent. Knows nothing of Rego.
//!
//! Why a thread and an allocator hook rather than regorus's own limits: regorus 0.14.1 checks its
//! execution timer only between interpreter steps (never inside a builtin such as `numbers.range`),
//! and its `allocator-memory-limits` feature swaps the whole process onto its bundled mimalloc and
//! checks a process-wide counter after allocations (a single huge `replace` still aborts). Here a
//! request that would take the worker over its cap is never passed to the system allocator: the
//! worker stops in place and the caller reports the breach. Time is the worker thread's CPU time
//! where the system tells it (Linux), so a loaded machine does not spend a policy's budget. A stopped or over-budget worker is
//! abandoned, never joined; the run ends with the error (exit 3), which ends the thread with it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Net bytes one policy worker may hold at once (its engine, the input document and everything
/// evaluation builds). The input of a 50,000-file change is a few hundred MiB at most.
pub const MEMORY_CAP: u64 = 1 << 30;

/// The worker's stack: reserved address space, touched only as deep as evaluation goes.
const STACK_SIZE: usize = 256 << 20;
/// Allocations made with less stack than this left stop the worker before the guard page is hit.
/// regorus allocates on every call and scope it enters, so recursion never gets past it unseen.
const STACK_MARGIN: usize = 32 << 20;

/// Why a worker stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breach {
    /// The caller's deadline passed.
    Time,
    /// An allocation would have taken the worker over `MEMORY_CAP`.
    Memory,
    /// The worker's stack was nearly exhausted (runaway call depth).
    Stack,
    /// An earlier breach left the worker stopped; nothing runs on it any more.
    Stopped,
}

const NONE: u8 = 0;
const MEMORY: u8 = 1;
const STACK: u8 = 2;

/// What the worker shares with its caller: why it stopped, and what it was working on.
#[derive(Debug, Default)]
pub struct Progress {
    breach: AtomicU8,
    at: AtomicUsize,
}

impl Progress {
    /// Records which item (a source or a policy, by the caller's index) the worker is on now.
    pub fn at(&self, item: usize) {
        self.at.store(item, Ordering::Relaxed);
    }

    /// The item the worker was last on.
    pub fn current(&self) -> usize {
        self.at.load(Ordering::Relaxed)
    }
}

thread_local! {
    // Set only on a policy worker; plain `Cell`s of `Copy` types need no lazy initialisation and
    // no destructor, so the allocator may read them without allocating.
    static ACTIVE: Cell<*const Progress> = const { Cell::new(std::ptr::null()) };
    static USED: Cell<i64> = const { Cell::new(0) };
    static FLOOR: Cell<usize> = const { Cell::new(0) };
}

/// The global allocator: the system's, with policy workers' requests checked first.
pub struct Guarded;

#[inline]
fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Charges `bytes` to the current thread if it is a policy worker; stops it on a breach.
#[inline]
fn charge(bytes: usize) {
    let _ = ACTIVE.try_with(|active| {
        let progress = active.get();
        if progress.is_null() {
            return;
        }
        let used = USED.get().saturating_add(bytes as i64);
        USED.set(used);
        let kind = if used > MEMORY_CAP as i64 {
            MEMORY
        } else if stack_pointer() < FLOOR.get() {
            STACK
        } else {
            return;
        };
        // SAFETY: `progress` points into an `Arc<Progress>` that the worker thread itself holds for
        // as long as ACTIVE is set (see `Worker::spawn`).
        unsafe { &*progress }.breach.store(kind, Ordering::Release);
        // Never return to the caller (returning null would abort the process): the worker sleeps
        // until the process ends. `sleep` allocates nothing.
        loop {
            std::thread::sleep(Duration::from_secs(3600));
        }
    });
}

#[inline]
fn credit(bytes: usize) {
    let _ = ACTIVE.try_with(|active| {
        if !active.get().is_null() {
            USED.set(USED.get().saturating_sub(bytes as i64));
        }
    });
}

// SAFETY: every call is forwarded to `System` with the caller's arguments unchanged; the checks
// before it only read and write this thread's counters, never allocate, and never unwind.
unsafe impl GlobalAlloc for Guarded {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        charge(layout.size());
        // SAFETY: forwarded unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        charge(layout.size());
        // SAFETY: forwarded unchanged.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        credit(layout.size());
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            charge(new_size - layout.size());
        } else {
            credit(layout.size() - new_size);
        }
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Guarded = Guarded;

type Job<S> = Box<dyn FnOnce(&mut S, &Progress) + Send>;

/// A thread that owns some state `S` (a regorus engine) and runs jobs on it under the guards.
pub struct Worker<S> {
    jobs: Option<mpsc::Sender<Job<S>>>,
    progress: Arc<Progress>,
    stopped: bool,
    clock: Clock,
}

/// How the worker's time is measured: the CPU time its thread has used (Linux, from
/// `/proc/self/task/TID/stat`), so that a loaded machine does not spend a policy's budget for it;
/// wall-clock time where that is not available.
#[derive(Debug, Clone)]
enum Clock {
    Cpu(std::path::PathBuf),
    Wall,
}

impl Clock {
    /// The worker's time so far (CPU clock), or `None` on the wall clock.
    fn cpu(&self) -> Option<Duration> {
        let Clock::Cpu(path) = self else {
            return None;
        };
        let stat = std::fs::read_to_string(path).ok()?;
        // After the command name (in parentheses, which may hold spaces): state is field 3, utime
        // and stime fields 14 and 15, in USER_HZ ticks (100 per second on Linux).
        let rest = &stat[stat.rfind(')')? + 1..];
        let mut fields = rest.split_ascii_whitespace().skip(11);
        let utime: u64 = fields.next()?.parse().ok()?;
        let stime: u64 = fields.next()?.parse().ok()?;
        Some(Duration::from_millis((utime + stime) * 10))
    }
}

/// The calling thread's CPU time so far, where the system reports it (Linux), in 10 ms steps:
/// what tests that bound a cost measure, as a loaded machine does not inflate it.
#[cfg(test)]
pub(crate) fn thread_cpu_time() -> Option<Duration> {
    own_clock().cpu()
}

/// The calling thread's CPU clock, if it has one.
fn own_clock() -> Clock {
    let tid = std::fs::read_to_string("/proc/thread-self/stat")
        .ok()
        .and_then(|s| s.split_ascii_whitespace().next().map(str::to_string));
    match tid {
        Some(tid) if tid.bytes().all(|b| b.is_ascii_digit()) => {
            let clock = Clock::Cpu(format!("/proc/self/task/{tid}/stat").into());
            if clock.cpu().is_some() {
                clock
            } else {
                Clock::Wall
            }
        }
        _ => Clock::Wall,
    }
}

impl<S: 'static> Worker<S> {
    /// Starts the thread; `init` builds its state there.
    pub fn spawn(init: impl FnOnce() -> S + Send + 'static) -> Worker<S> {
        let (tx, rx) = mpsc::channel::<Job<S>>();
        let (clock_tx, clock_rx) = mpsc::sync_channel::<Clock>(1);
        let progress = Arc::new(Progress::default());
        let mine = Arc::clone(&progress);
        std::thread::Builder::new()
            .name("policy".into())
            .stack_size(STACK_SIZE)
            .spawn(move || {
                let top = stack_pointer();
                FLOOR.set(top.saturating_sub(STACK_SIZE) + STACK_MARGIN);
                let _ = clock_tx.send(own_clock());
                ACTIVE.set(Arc::as_ptr(&mine));
                let mut state = init();
                while let Ok(job) = rx.recv() {
                    job(&mut state, &mine);
                }
                drop(state);
                ACTIVE.set(std::ptr::null());
                drop(mine);
            })
            .expect("a thread can be started");
        Worker {
            jobs: Some(tx),
            progress,
            stopped: false,
            clock: clock_rx.recv().unwrap_or(Clock::Wall),
        }
    }

    /// Runs `job` on the worker and waits for its result while it has used less than `limit` of
    /// the worker's time (`None`: as long as it takes). Returns the result and the time it used.
    /// A breach leaves the worker stopped and abandoned: every later call is refused.
    pub fn run<R: Send + 'static>(
        &mut self,
        limit: Option<Duration>,
        job: impl FnOnce(&mut S, &Progress) -> R + Send + 'static,
    ) -> Result<(R, Duration), Breach> {
        if self.stopped {
            return Err(Breach::Stopped);
        }
        let (tx, rx) = mpsc::sync_channel::<R>(1);
        let started = Instant::now();
        let cpu_start = self.clock.cpu();
        let used = |clock: &Clock| match (cpu_start, clock.cpu()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => started.elapsed(),
        };
        let sent = self.jobs.as_ref().is_some_and(|jobs| {
            jobs.send(Box::new(move |state, progress| {
                let _ = tx.send(job(state, progress));
            }))
            .is_ok()
        });
        if !sent {
            self.stopped = true;
            return Err(Breach::Stopped);
        }
        // Short waits: the allocator's stop and the clock are looked at every few milliseconds.
        let step = Duration::from_millis(5);
        loop {
            match rx.recv_timeout(step) {
                Ok(r) => return Ok((r, used(&self.clock))),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    self.stopped = true;
                    return Err(Breach::Stopped);
                }
            }
            match self.progress.breach.load(Ordering::Acquire) {
                NONE => {}
                kind => {
                    self.stopped = true;
                    return Err(if kind == MEMORY {
                        Breach::Memory
                    } else {
                        Breach::Stack
                    });
                }
            }
            if limit.is_some_and(|l| used(&self.clock) > l) {
                self.stopped = true;
                return Err(Breach::Time);
            }
        }
    }

    /// The item the worker was last on (for naming the policy in an error).
    pub fn current(&self) -> usize {
        self.progress.current()
    }
}

impl<S> Drop for Worker<S> {
    fn drop(&mut self) {
        // Closing the channel ends an idle worker's loop; a stopped one is left where it is.
        self.jobs.take();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_returns_its_result() {
        let mut w = Worker::spawn(|| 40u32);
        assert_eq!(w.run(None, |s, _| *s + 2).map(|r| r.0), Ok(42));
        assert_eq!(w.run(None, |s, _| *s).map(|r| r.0), Ok(40));
    }

    #[test]
    fn a_job_over_its_time_is_a_time_breach_and_stops_the_worker() {
        let mut w = Worker::spawn(|| ());
        let r = w.run(Some(Duration::from_millis(30)), |_, p| {
            p.at(7);
            let spin = Instant::now();
            while spin.elapsed() < Duration::from_secs(2) {
                std::hint::black_box(spin);
            }
        });
        assert_eq!(r.map(|_: ((), Duration)| ()), Err(Breach::Time));
        assert_eq!(w.current(), 7);
        assert_eq!(w.run(None, |_, _| ()).map(|r| r.0), Err(Breach::Stopped));
    }

    #[test]
    fn an_allocation_over_the_cap_stops_the_worker_instead_of_the_process() {
        let mut w = Worker::spawn(|| ());
        let r = w.run(None, |_, _| vec![1u8; (MEMORY_CAP + 1) as usize].len());
        assert_eq!(r.map(|r| r.0), Err(Breach::Memory));
    }

    #[test]
    fn runaway_recursion_stops_the_worker_instead_of_overflowing() {
        #[allow(unconditional_recursion)]
        fn deep(n: u64) -> u64 {
            let v = std::hint::black_box(vec![n; 4]);
            let frame = std::hint::black_box([0u8; 4096]);
            deep(n + 1) + v[0] + u64::from(frame[0])
        }
        let mut w = Worker::spawn(|| ());
        assert_eq!(w.run(None, |_, _| deep(0)).map(|r| r.0), Err(Breach::Stack));
    }
}
