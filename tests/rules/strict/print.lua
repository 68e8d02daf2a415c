label "a" {}
print("hello")
