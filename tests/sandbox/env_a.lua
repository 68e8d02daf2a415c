shared = "from A"
string = nil
function helper() return "A" end
