os.execute("touch /tmp/clausetag-pwned")
