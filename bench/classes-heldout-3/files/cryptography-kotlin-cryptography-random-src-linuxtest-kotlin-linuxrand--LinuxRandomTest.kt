/*
 * Copyright (c) 2023 Oleg Yukhnevich. Use of this source code is governed by the Apache 2.0 license.
 */

package dev.whyoleg.cryptography.random

class URandomTest : CryptographyRandomTest(createURandom())

class GetRandomTest : CryptographyRandomTest(createGetRandom()!!)
