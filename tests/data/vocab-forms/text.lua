weights {
  vocabulary = {
    ["fisheries.learned"] = [[
tuna 0.625

  trawlers	0.5
quotas 0.25
navy -7.5e-1
어업 1.2500
]],
  },
}
