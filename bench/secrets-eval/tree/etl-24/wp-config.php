<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp_user' );
define( 'DB_PASSWORD', 'R1v3r24!' );
define( 'DB_HOST', 'localhost' );
define( 'AUTH_KEY', 'jbK~d%%,A{IznUCZHJT%jU~o@F#&{(N8H_oo#(HQIL0St#{TcXd+XBv,#LTh.6%l' );
define( 'NONCE_KEY', 'J8L5)piaOx2Q2H!ARY#gF^*F5L^17^jc1oNXaTM4dC#L=Tq=]ri>^0]E>|PbrOT+' );
$table_prefix = 'wp_';
