package team.p_test

import data.team.p

test_denies if { count(p.deny) == 1 with input as {"x": true} }

test_wrong if { count(p.deny) == 1 with input as {"x": false} }
