label "climate\nsecurity" {}
