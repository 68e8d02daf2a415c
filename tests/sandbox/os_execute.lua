os.execute("echo pwned > /tmp/clausetag-pwned")
