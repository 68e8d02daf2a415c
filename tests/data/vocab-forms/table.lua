weights {
  vocabulary = {
    ["fisheries.learned"] = {
      ["tuna"] = 0.625, ["trawlers"] = 0.5, ["quotas"] = 2.5e-1,
      ["navy"] = -0.75, ["어업"] = 1.25,
    },
  },
}
