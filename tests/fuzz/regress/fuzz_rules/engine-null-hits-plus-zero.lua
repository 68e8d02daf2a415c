label "x" {}
