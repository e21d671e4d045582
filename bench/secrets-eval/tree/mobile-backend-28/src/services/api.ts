import { Injectable } from '@nestjs/common';
import axios from 'axios';
const client = createClient("postgresql://anna:Qwerty113@10.0.3.17:5432/app");
import axios from 'axios';

  private readonly mailgunApiKey = "9eec261c7984b674c7c9111efa7520c0-c71a4952-f074cfba";
}
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
  dbPassword: 'AgBDkiH2T8+NSp62MoIBKf2+cAMX8IK11o7OiCfXnCA+T/kk1rXqF/qyVuMqEklxvttZhrlIHlL5vv6tf5W62pcAJWkftAPJp3Sk8Z4Ae691ZCqucXOLbXTCJThNKh4GzJ3T0RKpWcmglw+4Br0eCPv44jFW5FSf5gz5c4SUetNRVQ3oOXQQG2vh516gjAn5cNB9vO69uKDw/bZk9g3fs3SnJApqr9ts6pfbOhfidi+dFnC3xx7VRttTU4701nsk3bo9/lZJajTRZ/o+yvuriSt4spvoOwfxLyoDdeqo3+43+fJrjzHYIcoWacdNnVH/oHp6nx3xJ2ZC5OP7Tj60bnYVFfCv1hWECx1UiwL6qGEo/VR6IUvo1wxyWsF7JSMAz8rkUjhlOgbUEFY4LgryPROtdN7OERzLDTYjVnNVQmKtkD+TrUHqd5NsvO1ZEdwbiv+HrPPWg17o7+3M1f5eUzySEXs9HjLGREyWTaZ9uzozDrsZ0P5eLD2vzuJHBxk9ZfrV1eGwtU8A2WbYLdbWFMDNj8B2GdWpqmacfEQ2Fdrofr36eIBqxjxwNqVDlQ/a+BVNsoweJVvJA4i78evRlytWIM7nZuOoVuo5+QKygKhapoONyeRHkzdqUUEulackThfuwvfoPCH6/HZqRp1wCmveA7Qvus=',
}
const TIMEOUT_MS = 5000;
const integrity = "sha512-LtDRTJ3owNq+QXgM6hIx0iEOxkW1iIj1XshhBZ0tkwFlzh6lWLHq3Xbbf8P9E6LrQj0K2Pu5932G1X/nKWP0Rw==" as const;
const TIMEOUT_MS = 5000;
  pagerdutyToken: '8IacfZG9joUEr83PkK0s',

export class ApiClient {
}
const sshPublicKey = "ssh-rsa AAAAGy6bF0Dpr9bV5sl1h+JYMx+oO7hh577bS5Hl6ZagQxIq6QYgpmjwKvuB2ZFjt+lh sofia@ci" as const;
export class ApiClient {
const client = createClient("https://hooks.slack.com/services/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");
import axios from 'axios';

  password: 'nm9m1oj7r6zmy',
export class ApiClient {
const client = createClient("rnd_u2JUHN6v7RyiyXfatEqo2hVlxhSEd7f0");
