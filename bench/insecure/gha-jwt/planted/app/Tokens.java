package app;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.jsonwebtoken.Jwts;

class Tokens {
    String subjectOf(String token) {
        return JWT.require(Algorithm.none()).build().verify(token).getSubject(); // expect: jwt-verify-disabled
    }

    Object claimsOf(String token) {
        return Jwts.parser().unsecured().build().parse(token).getPayload(); // expect: jwt-verify-disabled
    }

    String verified(String token, Algorithm rsa) {
        return JWT.require(rsa).withIssuer("https://id.example.org").build().verify(token).getSubject();
    }
}
