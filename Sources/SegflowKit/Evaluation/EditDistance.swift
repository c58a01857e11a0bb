/// Shortest edit scripts between scalar arrays.
enum EditDistance {
  /// Insertions plus deletions turning `a` into `b` (Myers' O((N+M)·D) algorithm): fast when
  /// the texts are nearly equal, as a repaired document and its gold are.
  static func insertionsAndDeletions(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    let n = a.count, m = b.count
    let maximum = n + m
    if maximum == 0 { return 0 }
    let offset = maximum + 1
    var v = [Int](repeating: 0, count: 2 * maximum + 3)
    for d in 0...maximum {
      var k = -d
      while k <= d {
        var x: Int
        if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
          x = v[offset + k + 1]
        } else {
          x = v[offset + k - 1] + 1
        }
        var y = x - k
        while x < n && y < m && a[x] == b[y] {
          x += 1
          y += 1
        }
        v[offset + k] = x
        if x >= n && y >= m { return d }
        k += 2
      }
    }
    return maximum
  }
}
