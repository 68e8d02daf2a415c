error("bad\r\n\27[1mrule file\27[0m")
