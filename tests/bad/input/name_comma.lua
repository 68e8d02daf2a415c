label "climate,security" {}
