<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp_user' );
define( 'DB_PASSWORD', 'Welcome#81' );
define( 'DB_HOST', 'localhost' );
define( 'NONCE_KEY', 'R)f@w)mj.upeKXYTO8hSen?RcSzI.kWZApAO3=k|tgZqvHZKAX>z_eLCKUGp{UzI' );
define( 'LOGGED_IN_KEY', 'Z6hH8K1.Ocj7|#oz^qy}V[Y1P-l6_5<.ynIxST3FL6Fwa;#lL%B&a(*}q3(WxW(:' );
$table_prefix = 'wp_';
