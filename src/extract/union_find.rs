//! Disjoint sets over `0..n` (union-find), for grouping alias clusters.

pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singleton sets: `{0}`, `{1}`, ..., `{n - 1}`.
    pub fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// The representative of `x`'s set; halves the path on the way up.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`: `b`'s representative becomes the
    /// representative of both (no union by rank, so callers choose which
    /// side survives). Returns whether they were apart.
    pub fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        self.parent[ra] = rb;
        true
    }

    /// The sets, each as its members in increasing order, ordered by their
    /// smallest member (not by representative: which member represents a
    /// set depends on the order of the unions).
    pub fn groups(&mut self) -> Vec<Vec<usize>> {
        let mut slot = vec![usize::MAX; self.parent.len()];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for x in 0..self.parent.len() {
            let r = self.find(x);
            if slot[r] == usize::MAX {
                slot[r] = groups.len();
                groups.push(Vec::new());
            }
            groups[slot[r]].push(x);
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::UnionFind;

    #[test]
    fn starts_as_singletons() {
        let mut uf = UnionFind::new(4);
        for i in 0..4 {
            assert_eq!(uf.find(i), i);
        }
    }

    #[test]
    fn union_joins_and_keeps_the_second_root() {
        let mut uf = UnionFind::new(5);
        assert!(uf.union(0, 1));
        assert_eq!(uf.find(0), 1);
        assert!(uf.union(2, 0));
        assert_eq!(uf.find(2), 1);
        assert!(!uf.union(1, 2), "already joined");
        assert_eq!(uf.find(3), 3);
        assert_eq!(uf.find(4), 4);
    }

    #[test]
    fn union_is_by_roots() {
        // 0 -> 1, 2 -> 3, then {0,1} joins {2,3}: the root of 0's set (1)
        // points at the root of 2's set (3).
        let mut uf = UnionFind::new(4);
        uf.union(0, 1);
        uf.union(2, 3);
        uf.union(0, 2);
        for i in 0..4 {
            assert_eq!(uf.find(i), 3);
        }
    }

    #[test]
    fn groups_are_ordered_by_smallest_member() {
        let mut uf = UnionFind::new(7);
        uf.union(5, 1);
        uf.union(3, 6);
        uf.union(6, 0);
        assert_eq!(
            uf.groups(),
            vec![vec![0, 3, 6], vec![1, 5], vec![2], vec![4]]
        );
        // The same sets joined the other way round: the same groups.
        let mut uf = UnionFind::new(7);
        uf.union(0, 6);
        uf.union(6, 3);
        uf.union(1, 5);
        assert_eq!(
            uf.groups(),
            vec![vec![0, 3, 6], vec![1, 5], vec![2], vec![4]]
        );
        assert!(UnionFind::new(0).groups().is_empty());
    }

    #[test]
    fn long_chain_is_compressed() {
        let n = 1000;
        let mut uf = UnionFind::new(n);
        for i in 0..n - 1 {
            uf.union(i, i + 1);
        }
        assert!((0..n).all(|i| uf.find(i) == n - 1));
        // After one find from the bottom the path is at most half as long.
        let mut uf = UnionFind::new(n);
        for i in 0..n - 1 {
            uf.parent[i] = i + 1;
        }
        assert_eq!(uf.find(0), n - 1);
        let mut depth = 0;
        let mut x = 0;
        while uf.parent[x] != x {
            x = uf.parent[x];
            depth += 1;
        }
        assert!(depth <= n / 2, "depth {depth}");
    }

    #[test]
    fn matches_a_naive_partition() {
        // Deterministic pseudo-random unions, checked against relabelling.
        let n = 64;
        let mut uf = UnionFind::new(n);
        let mut label: Vec<usize> = (0..n).collect();
        let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let (a, b) = ((s % n as u64) as usize, ((s >> 32) % n as u64) as usize);
            let apart = label[a] != label[b];
            assert_eq!(uf.union(a, b), apart);
            let (from, to) = (label[a], label[b]);
            for l in &mut label {
                if *l == from {
                    *l = to;
                }
            }
            for x in 0..n {
                for y in 0..n {
                    assert_eq!(uf.find(x) == uf.find(y), label[x] == label[y]);
                }
            }
        }
    }
}
