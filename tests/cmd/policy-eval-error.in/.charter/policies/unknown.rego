package team.unknown

deny contains msg if {
  some f in input.files
  msg := no_such_function(f.path)
}
