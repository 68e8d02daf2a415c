label "g" {}
category "x" {}
