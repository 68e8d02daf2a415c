-- Runs far past any small --rule-budget on every clause.
label "climate" {}

rule "climate.slow" {
  label = "climate",
  when = function(c)
    local n = 0
    for i = 1, 100000 do n = n + i end
    return n < 0
  end,
}
