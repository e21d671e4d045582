package team.broken

deny contains msg if {
  msg := 
}
