-- functions the tests call one by one through ct_sandbox_call
function double(x) return x * 2 end

function spin()
  while true do end
end

function boom()
  error("boom")
end

function hog()
  local t = {}
  for i = 1, 1e9 do t[i] = i end
end

function hold(s) return #s end

function grow(s) return s .. "!" end

function recurse()
  local function f(n) return f(n + 1) + 1 end
  return f(1)
end

