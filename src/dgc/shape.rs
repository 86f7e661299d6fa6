//! Request shapes: the fields each reader reads, which the package's JavaScript copies.

#[cfg(debug_assertions)]
use super::error::Loc;
use super::value::Value;

/// The fields a request reader reads: what the package's JavaScript copies from a caller's object (and all it
/// copies). The JavaScript's field lists are generated from these (src/wasm/protocol.rs), and [`Fields`](super::fields::Fields) refuses,
/// in debug builds, to read a field its shape does not list, so a field added to a reader reaches the JavaScript.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// Any value, copied whole.
    Any,
    /// An object with these fields (given in groups, which readers share), nothing else copied.
    Object(&'static [&'static [(&'static str, Shape)]]),
    /// A list of values of one shape.
    List(&'static Shape),
}

impl Shape {
    /// The shape of field `key`: `None` if the shape does not list it (any field of [`Shape::Any`] is `Any`).
    pub fn member(&self, key: &str) -> Option<&'static Shape> {
        match self {
            Shape::Any => Some(&Shape::Any),
            Shape::Object(groups) => groups
                .iter()
                .flat_map(|g| g.iter())
                .find(|(k, _)| *k == key)
                .map(|(_, shape)| shape),
            Shape::List(_) => None,
        }
    }

    /// The field names an object of this shape may have (of a list, its items'), in the readers' order.
    #[cfg(test)]
    pub(crate) fn keys(&self) -> Vec<&'static str> {
        match self {
            Shape::Any => Vec::new(),
            Shape::Object(groups) => groups
                .iter()
                .flat_map(|g| g.iter())
                .map(|(k, _)| *k)
                .collect(),
            Shape::List(item) => item.keys(),
        }
    }

    /// The shape of each item of a list (of anything but a [`Shape::List`], `Any`).
    pub fn item(&self) -> &'static Shape {
        match self {
            Shape::List(item) => item,
            _ => &Shape::Any,
        }
    }

    /// The value at `path` inside `body`, a request body of this shape (debug builds: fails unless the shape
    /// lists the path).
    pub(crate) fn get<'v>(&self, body: &'v Value, path: &[&str]) -> Option<&'v Value> {
        #[cfg(debug_assertions)]
        {
            let mut shape = self;
            let mut loc = vec![Loc::Key("body".into())];
            for key in path {
                shape.read(&loc, key);
                shape = shape.member(key).unwrap_or(&Shape::Any);
                loc.push(Loc::Key((*key).into()));
            }
        }
        path.iter().try_fold(body, |v, k| v.get(k))
    }

    /// Notes that a reader located at `at` reads the member `key` (debug builds: fails unless listed).
    #[cfg(debug_assertions)]
    pub(crate) fn read(&self, at: &[Loc], key: &str) {
        #[cfg(test)]
        reads::note(at, key);
        debug_assert!(
            self.member(key).is_some(),
            "a reader at {at:?} reads `{key}`, which its request shape does not list (add it to the shape)"
        );
    }
}

/// The fields readers read, in unit tests: each as its path from the request's root, list indices as `[]`.
#[cfg(test)]
pub(crate) mod reads {
    use super::Loc;
    use std::cell::RefCell;
    use std::collections::BTreeSet;

    thread_local! {
        static READ: RefCell<Option<BTreeSet<String>>> = const { RefCell::new(None) };
    }

    pub(super) fn note(at: &[Loc], key: &str) {
        READ.with(|r| {
            if let Some(read) = r.borrow_mut().as_mut() {
                let mut path: Vec<String> = at
                    .iter()
                    .map(|l| match l {
                        Loc::Key(k) => k.clone(),
                        Loc::Index(_) => "[]".into(),
                    })
                    .collect();
                path.push(key.into());
                read.insert(path.join("."));
            }
        });
    }

    /// The paths read while `f` runs on this thread.
    pub(crate) fn during(f: impl FnOnce()) -> BTreeSet<String> {
        READ.with(|r| *r.borrow_mut() = Some(BTreeSet::new()));
        f();
        READ.with(|r| r.borrow_mut().take().unwrap_or_default())
    }
}

/// An optional whole-number field: its default and its bounds (inclusive).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Whole {
    /// The value when the field is absent.
    pub default: i32,
    /// The least value accepted.
    pub lo: i32,
    /// The greatest value accepted.
    pub hi: i32,
}

impl Whole {
    /// Whether `n` is accepted.
    pub fn contains(self, n: i32) -> bool {
        (self.lo..=self.hi).contains(&n)
    }
}
