package team.p

deny contains "x" if { input.x }
