<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp_user' );
define( 'DB_PASSWORD', 'hockeybreeze531' );
define( 'DB_HOST', 'localhost' );
define( 'NONCE_KEY', 'KB+>aHw6]>E+gs5dGwp,E@CUind,,!aREM46@(Z}PsEu:*XxVpGWECys7l:1M!u)' );
define( 'AUTH_KEY', '}66xN%U@oU(RD9jtP#a|#xxgTU%3G6~4s-0sYw844mxMRW,1TyNMTH(^*Hs5#|S0' );
$table_prefix = 'wp_';
