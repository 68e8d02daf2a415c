-- 25 unknown keys: only the first 20 are reported.
label "m" {}
rule "m.r0" { label = "m", words = { "w0" }, wieght = 1 }
rule "m.r1" { label = "m", words = { "w1" }, wieght = 1 }
rule "m.r2" { label = "m", words = { "w2" }, wieght = 1 }
rule "m.r3" { label = "m", words = { "w3" }, wieght = 1 }
rule "m.r4" { label = "m", words = { "w4" }, wieght = 1 }
rule "m.r5" { label = "m", words = { "w5" }, wieght = 1 }
rule "m.r6" { label = "m", words = { "w6" }, wieght = 1 }
rule "m.r7" { label = "m", words = { "w7" }, wieght = 1 }
rule "m.r8" { label = "m", words = { "w8" }, wieght = 1 }
rule "m.r9" { label = "m", words = { "w9" }, wieght = 1 }
rule "m.r10" { label = "m", words = { "w10" }, wieght = 1 }
rule "m.r11" { label = "m", words = { "w11" }, wieght = 1 }
rule "m.r12" { label = "m", words = { "w12" }, wieght = 1 }
rule "m.r13" { label = "m", words = { "w13" }, wieght = 1 }
rule "m.r14" { label = "m", words = { "w14" }, wieght = 1 }
rule "m.r15" { label = "m", words = { "w15" }, wieght = 1 }
rule "m.r16" { label = "m", words = { "w16" }, wieght = 1 }
rule "m.r17" { label = "m", words = { "w17" }, wieght = 1 }
rule "m.r18" { label = "m", words = { "w18" }, wieght = 1 }
rule "m.r19" { label = "m", words = { "w19" }, wieght = 1 }
rule "m.r20" { label = "m", words = { "w20" }, wieght = 1 }
rule "m.r21" { label = "m", words = { "w21" }, wieght = 1 }
rule "m.r22" { label = "m", words = { "w22" }, wieght = 1 }
rule "m.r23" { label = "m", words = { "w23" }, wieght = 1 }
rule "m.r24" { label = "m", words = { "w24" }, wieght = 1 }
