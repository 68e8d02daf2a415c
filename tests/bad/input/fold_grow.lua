-- ct.fold of U+FDFA, three bytes that fold to thirty-three: the C
-- buffers of the fold are held against the memory limit
label "x" {}
rule "x.fold" { label = "x", when = function(c)
  return #ct.fold(("\u{FDFA}"):rep(10000000)) > 0
end }
