label "x\xC0\xAF" {}
