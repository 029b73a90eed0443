;; The Aho–Corasick scan loop of lib/scan/automaton.ts scanText, in WebAssembly.
;;
;; Why: a content script starts cold on every page load, and V8 runs a fresh JS loop in its
;; interpreter for most of a news page; this loop is compiled by the baseline WebAssembly compiler
;; before its first run. Same semantics as scanText (tests/unit/fast-scan.test.ts compares them):
;; folding through a full table, separator runs collapsed, hard breaks reset the automaton.
;;
;; Input is the UTF-8 of the text (TextEncoder.encodeInto, native): positions are counted back in
;; UTF-16 code units while decoding. Astral characters (two code units) never occur in keys, so they
;; only reset the automaton. Matches are written as (pattern, start, end) i32 triples.
(module
  (memory (export "memory") 1)

  ;; Byte offsets of the tables in memory, set once by init().
  (global $fold (mut i32) (i32.const 0)) ;; u16[0x3000]: folded code per code unit below U+3000
  (global $high (mut i32) (i32.const 0)) ;; u32[]: (code << 16 | folded) above U+3000, sorted
  (global $highCount (mut i32) (i32.const 0))
  (global $root (mut i32) (i32.const 0)) ;; i32[0x250]: root transitions, -1 for none
  (global $edgeStart (mut i32) (i32.const 0)) ;; u32[states + 1]
  (global $edgeChar (mut i32) (i32.const 0)) ;; u16[edges]
  (global $edgeNext (mut i32) (i32.const 0)) ;; u32[edges]
  (global $fail (mut i32) (i32.const 0)) ;; u32[states]
  (global $output (mut i32) (i32.const 0)) ;; i32[states]
  (global $dictLink (mut i32) (i32.const 0)) ;; i32[states]
  (global $patternLength (mut i32) (i32.const 0)) ;; u16[patterns]
  (global $ring (mut i32) (i32.const 0)) ;; u32[ringSize]: UTF-16 index of each code unit fed
  (global $ringMask (mut i32) (i32.const 0))

  ;; Scan state, kept between calls so that a full output buffer can be drained and the scan resumed.
  (global $state (mut i32) (i32.const 0))
  (global $lastWasSpace (mut i32) (i32.const 1))
  (global $fed (mut i32) (i32.const 0))
  (global $pos (mut i32) (i32.const 0)) ;; next byte to read
  (global $unit (mut i32) (i32.const 0)) ;; UTF-16 index of that byte's character

  (func (export "init")
    (param $fold i32) (param $high i32) (param $highCount i32) (param $root i32)
    (param $edgeStart i32) (param $edgeChar i32) (param $edgeNext i32) (param $fail i32)
    (param $output i32) (param $dictLink i32) (param $patternLength i32) (param $ring i32) (param $ringMask i32)
    (global.set $fold (local.get $fold))
    (global.set $high (local.get $high))
    (global.set $highCount (local.get $highCount))
    (global.set $root (local.get $root))
    (global.set $edgeStart (local.get $edgeStart))
    (global.set $edgeChar (local.get $edgeChar))
    (global.set $edgeNext (local.get $edgeNext))
    (global.set $fail (local.get $fail))
    (global.set $output (local.get $output))
    (global.set $dictLink (local.get $dictLink))
    (global.set $patternLength (local.get $patternLength))
    (global.set $ring (local.get $ring))
    (global.set $ringMask (local.get $ringMask)))

  ;; Starts a scan at byte `pos`, whose character is UTF-16 index `unit` of the original text.
  (func (export "begin") (param $pos i32) (param $unit i32)
    (global.set $state (i32.const 0))
    (global.set $lastWasSpace (i32.const 1))
    (global.set $fed (i32.const 0))
    (global.set $pos (local.get $pos))
    (global.set $unit (local.get $unit)))

  (func (export "position") (result i32) (global.get $pos))

  ;; Folded code of a code unit at or above U+3000 (most fold to themselves).
  (func $foldHigh (param $code i32) (result i32)
    (local $lo i32) (local $hi i32) (local $mid i32) (local $entry i32) (local $key i32)
    (local.set $hi (i32.sub (global.get $highCount) (i32.const 1)))
    (block $done
      (loop $search
        (br_if $done (i32.gt_s (local.get $lo) (local.get $hi)))
        (local.set $mid (i32.shr_u (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)))
        (local.set $entry (i32.load (i32.add (global.get $high) (i32.shl (local.get $mid) (i32.const 2)))))
        (local.set $key (i32.shr_u (local.get $entry) (i32.const 16)))
        (if (i32.eq (local.get $key) (local.get $code))
          (then (return (i32.and (local.get $entry) (i32.const 0xffff)))))
        (if (i32.lt_u (local.get $key) (local.get $code))
          (then (local.set $lo (i32.add (local.get $mid) (i32.const 1))))
          (else (local.set $hi (i32.sub (local.get $mid) (i32.const 1)))))
        (br $search)))
    (local.get $code))

  ;; Target of the edge labelled `code` out of `state`, or 0 when there is none.
  (func $edge (param $state i32) (param $code i32) (result i32)
    (local $lo i32) (local $hi i32) (local $mid i32) (local $char i32)
    (local.set $lo (i32.load (i32.add (global.get $edgeStart) (i32.shl (local.get $state) (i32.const 2)))))
    (local.set $hi (i32.sub
      (i32.load (i32.add (global.get $edgeStart) (i32.shl (i32.add (local.get $state) (i32.const 1)) (i32.const 2))))
      (i32.const 1)))
    (block $done
      (loop $search
        (br_if $done (i32.gt_s (local.get $lo) (local.get $hi)))
        (local.set $mid (i32.shr_u (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)))
        (local.set $char (i32.load16_u (i32.add (global.get $edgeChar) (i32.shl (local.get $mid) (i32.const 1)))))
        (if (i32.eq (local.get $char) (local.get $code))
          (then (return (i32.load (i32.add (global.get $edgeNext) (i32.shl (local.get $mid) (i32.const 2)))))))
        (if (i32.lt_u (local.get $char) (local.get $code))
          (then (local.set $lo (i32.add (local.get $mid) (i32.const 1))))
          (else (local.set $hi (i32.sub (local.get $mid) (i32.const 1)))))
        (br $search)))
    (i32.const 0))

  ;; Scans bytes up to `end`, writing at most `capacity` matches at `out`; returns how many it wrote.
  ;; It stops early (position() < end) when fewer than ringSize slots are left, so that no code
  ;; unit's matches are ever split between two calls.
  (func (export "scan") (param $end i32) (param $out i32) (param $capacity i32) (result i32)
    (local $count i32) (local $pos i32) (local $byte i32) (local $code i32) (local $index i32)
    (local $state i32) (local $next i32) (local $hit i32) (local $pattern i32) (local $fed i32)
    (local $lastWasSpace i32) (local $unit i32) (local $limit i32) (local $slot i32)
    (local.set $pos (global.get $pos))
    (local.set $unit (global.get $unit))
    (local.set $state (global.get $state))
    (local.set $fed (global.get $fed))
    (local.set $lastWasSpace (global.get $lastWasSpace))
    (local.set $limit (i32.sub (local.get $capacity) (i32.add (global.get $ringMask) (i32.const 1))))
    (block $stop
      (loop $character
        (br_if $stop (i32.ge_u (local.get $pos) (local.get $end)))
        (br_if $stop (i32.gt_s (local.get $count) (local.get $limit)))
        ;; Decode one character.
        (local.set $byte (i32.load8_u (local.get $pos)))
        (block $decoded
          (if (i32.lt_u (local.get $byte) (i32.const 0x80))
            (then
              (local.set $code (local.get $byte))
              (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
              (br $decoded)))
          (if (i32.lt_u (local.get $byte) (i32.const 0xe0))
            (then
              (local.set $code (i32.or
                (i32.shl (i32.and (local.get $byte) (i32.const 0x1f)) (i32.const 6))
                (i32.and (i32.load8_u offset=1 (local.get $pos)) (i32.const 0x3f))))
              (local.set $pos (i32.add (local.get $pos) (i32.const 2)))
              (br $decoded)))
          (if (i32.lt_u (local.get $byte) (i32.const 0xf0))
            (then
              (local.set $code (i32.or (i32.or
                (i32.shl (i32.and (local.get $byte) (i32.const 0x0f)) (i32.const 12))
                (i32.shl (i32.and (i32.load8_u offset=1 (local.get $pos)) (i32.const 0x3f)) (i32.const 6)))
                (i32.and (i32.load8_u offset=2 (local.get $pos)) (i32.const 0x3f))))
              (local.set $pos (i32.add (local.get $pos) (i32.const 3)))
              (br $decoded)))
          ;; Astral: two code units that no key contains.
          (local.set $pos (i32.add (local.get $pos) (i32.const 4)))
          (local.set $unit (i32.add (local.get $unit) (i32.const 2)))
          (local.set $state (i32.const 0))
          (local.set $lastWasSpace (i32.const 0))
          (br $character))
        (local.set $index (local.get $unit))
        (local.set $unit (i32.add (local.get $unit) (i32.const 1)))
        ;; Fold.
        (if (i32.lt_u (local.get $code) (i32.const 0x3000))
          (then (local.set $code (i32.load16_u (i32.add (global.get $fold) (i32.shl (local.get $code) (i32.const 1))))))
          (else (local.set $code (call $foldHigh (local.get $code)))))
        ;; Separators: a run counts once; a hard break also leaves any name.
        (if (i32.eq (local.get $code) (i32.const 0x20))
          (then
            (br_if $character (local.get $lastWasSpace))
            (local.set $lastWasSpace (i32.const 1)))
          (else
            (if (i32.eq (local.get $code) (i32.const 0x01))
              (then
                (local.set $lastWasSpace (i32.const 1))
                (local.set $state (i32.const 0))
                (br $character)))
            (local.set $lastWasSpace (i32.const 0))))
        ;; Transition, following failure links.
        (block $moved
          (loop $follow
            (if (i32.eqz (local.get $state))
              (then
                (if (i32.lt_u (local.get $code) (i32.const 0x250))
                  (then (local.set $next (i32.load (i32.add (global.get $root) (i32.shl (local.get $code) (i32.const 2))))))
                  (else
                    (local.set $next (call $edge (i32.const 0) (local.get $code)))
                    (if (i32.eqz (local.get $next)) (then (local.set $next (i32.const -1))))))
                (br $moved)))
            (local.set $next (call $edge (local.get $state) (local.get $code)))
            (br_if $moved (i32.gt_s (local.get $next) (i32.const 0)))
            (local.set $state (i32.load (i32.add (global.get $fail) (i32.shl (local.get $state) (i32.const 2)))))
            (br $follow)))
        (if (i32.le_s (local.get $next) (i32.const 0))
          (then
            (local.set $state (i32.const 0))
            (br $character)))
        (local.set $state (local.get $next))
        (i32.store
          (i32.add (global.get $ring) (i32.shl (i32.and (local.get $fed) (global.get $ringMask)) (i32.const 2)))
          (local.get $index))
        (local.set $fed (i32.add (local.get $fed) (i32.const 1)))
        ;; Every pattern ending here: this state's own, then along the dictionary links.
        (local.set $hit (local.get $state))
        (if (i32.lt_s (i32.load (i32.add (global.get $output) (i32.shl (local.get $state) (i32.const 2)))) (i32.const 0))
          (then (local.set $hit (i32.load (i32.add (global.get $dictLink) (i32.shl (local.get $state) (i32.const 2)))))))
        (block $emitted
          (loop $emit
            (br_if $emitted (i32.lt_s (local.get $hit) (i32.const 0)))
            (local.set $pattern (i32.load (i32.add (global.get $output) (i32.shl (local.get $hit) (i32.const 2)))))
            (local.set $slot (i32.add (local.get $out) (i32.mul (local.get $count) (i32.const 12))))
            (i32.store (local.get $slot) (local.get $pattern))
            (i32.store offset=4 (local.get $slot)
              (i32.load (i32.add (global.get $ring) (i32.shl
                (i32.and
                  (i32.sub (local.get $fed)
                    (i32.load16_u (i32.add (global.get $patternLength) (i32.shl (local.get $pattern) (i32.const 1)))))
                  (global.get $ringMask))
                (i32.const 2)))))
            (i32.store offset=8 (local.get $slot) (i32.add (local.get $index) (i32.const 1)))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (local.set $hit (i32.load (i32.add (global.get $dictLink) (i32.shl (local.get $hit) (i32.const 2)))))
            (br $emit)))
        (br $character)))
    (global.set $pos (local.get $pos))
    (global.set $unit (local.get $unit))
    (global.set $state (local.get $state))
    (global.set $fed (local.get $fed))
    (global.set $lastWasSpace (local.get $lastWasSpace))
    (local.get $count)))
