local os2 = require("os")
