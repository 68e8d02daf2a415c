-- one instruction (s .. s) copies 40 MiB: the budget and the clock are
-- checked by the allocator as each copy is made, not 1,000 instructions on
label "x" {}
rule "x.concat" { label = "x", when = function(c)
  local s = ("x"):rep(20 * 2^20)
  local x
  while true do x = nil; x = s .. s end
end }
