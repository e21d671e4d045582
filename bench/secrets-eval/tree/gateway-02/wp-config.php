<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp_user' );
define( 'DB_PASSWORD', 'KU#FJlloR_MHZDZ4#XCix323?V5C2' );
define( 'DB_HOST', 'localhost' );
define( 'SECURE_AUTH_KEY', '4cELeRgJe=Ti%55X^}4zyzb@z;f~t6!nA3H==jCsu!^N%o2R@GUAtfLXVa^(+^~9' );
define( 'LOGGED_IN_KEY', 'g+AiAu&>Dd|#>P}G+)N#s37(7tF6P|t8D>#OS;.HO8+2B!S6SE0a%t8{e2OVGlr;' );
$table_prefix = 'wp_';
